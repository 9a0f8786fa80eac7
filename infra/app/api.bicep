// The API: an Azure Function App on the Flex Consumption plan (Linux, Node.js), reaching
// storage with its user-assigned managed identity only.
//
// App settings: exactly these, nothing else (the API's configuration schema reads these names).
//   RETURNS_ENV                              production
//   RETURNS_STORAGE_ACCOUNT_URL              the table endpoint, https://<account>.table.core.windows.net
//   AZURE_CLIENT_ID                          the user-assigned identity's client ID (read by DefaultAzureCredential)
//   ENTRA_TENANT_ID                          the Microsoft Entra tenant whose users sign in
//   ENTRA_AUDIENCE                           the app registration's client ID (the `aud` of v2 access tokens)
//   RETURNS_CORS_ORIGINS                     the pane's origin, then any extra origins, comma-separated
//   APPLICATIONINSIGHTS_CONNECTION_STRING    where the host and the API send telemetry
//   AzureWebJobsStorage__accountName         the Functions host's own storage (platform setting) ...
//   AzureWebJobsStorage__credential          ... reached with a managed identity: managedidentity ...
//   AzureWebJobsStorage__clientId            ... this one (the user-assigned identity's client ID)
// Flex Consumption takes the runtime and its version from functionAppConfig, not from
// FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION settings.
param name string
param planName string
param location string = resourceGroup().location
param tags object = {}

@description('The azure.yaml service this app hosts; azd finds the app by this tag.')
param serviceName string = 'api'

@allowed([
  '20'
  '22'
])
param nodeVersion string = '22'

@description('Resource ID of the user-assigned identity.')
param identityId string

@description('Client ID of the user-assigned identity.')
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string

param entraTenantId string
param entraAudience string

@description('Browser origins allowed to call the API: the pane\'s first.')
param corsOrigins array

@description('Ceiling on instances: a bound on cost and on load on the storage account.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      // The platform answers preflight requests; the API checks RETURNS_CORS_ORIGINS as well.
      cors: {
        allowedOrigins: corsOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
  }
}

// The whole set of app settings (see the list at the top): this resource replaces whatever was there.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    RETURNS_ENV: 'production'
    RETURNS_STORAGE_ACCOUNT_URL: 'https://${storage.name}.table.${environment().suffixes.storage}'
    AZURE_CLIENT_ID: identityClientId
    ENTRA_TENANT_ID: entraTenantId
    ENTRA_AUDIENCE: entraAudience
    RETURNS_CORS_ORIGINS: join(corsOrigins, ',')
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
  }
}

// No publishing passwords: azd deploys with the signed-in Microsoft Entra identity.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output url string = 'https://${functionApp.properties.defaultHostName}/api'
