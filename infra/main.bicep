// returns-hub on Azure: what `azd up` provisions.
//
//   Resource group rg-<environmentName>
//   ├─ Storage account        the returns (tables), the Functions host's state, the deployment package
//   ├─ Managed identity       the Function App's only credential (no keys, no connection strings)
//   ├─ Function App           the API, Flex Consumption (pay per use), Node.js
//   ├─ Log Analytics + Application Insights   logs and request telemetry
//   └─ Static Web App         the task pane and custom-functions files over HTTPS
//
// azd reads the outputs into the environment (.azure/<env>/.env): API_URL and PANE_URL build
// the pane and its manifest (infra/hooks/build-pane.*).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment, e.g. returns-prod. Names the resource group and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region for the API, storage and logs. southeastasia (Singapore) is the closest region to Thailand that offers Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Microsoft Entra tenant (directory) ID whose users sign in. Empty: the tenant of the subscription.')
param entraTenantId string = ''

@minLength(36)
@maxLength(36)
@description('Application (client) ID of the Returns Hub app registration. The API and the pane share this one registration.')
param entraClientId string

@description('The delegated scope the pane asks for. Empty: api://<entraClientId>/access_as_user.')
param entraApiScope string = ''

@description('Optional. More browser origins allowed to call the API, comma-separated, e.g. https://returns.agency.go.th (a custom domain for the pane).')
param corsExtraOrigins string = ''

// Static Web Apps runs its management plane in a few regions only; the files are served from a worldwide edge either way.
@description('Region of the Static Web App that hosts the pane.')
@allowed([
  'eastasia'
  'eastus2'
  'centralus'
  'westus2'
  'westeurope'
])
param paneLocation string = 'eastasia'

@description('Node.js version of the Functions runtime.')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '22'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var tenantId = empty(entraTenantId) ? tenant().tenantId : entraTenantId
var apiScope = empty(entraApiScope) ? 'api://${entraClientId}/access_as_user' : entraApiScope
var extraOrigins = filter(map(split(corsExtraOrigins, ','), origin => trim(origin)), origin => !empty(origin))

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: '${abbrs.resourceGroup}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.userAssignedIdentity}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageAccount}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
  }
}

module storageAccess 'app/storage-access.bicep' = {
  name: 'storage-access'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.logAnalyticsWorkspace}${resourceToken}'
    applicationInsightsName: '${abbrs.applicationInsights}${resourceToken}'
    location: location
    tags: tags
  }
}

module pane 'app/pane.bicep' = {
  name: 'pane'
  scope: rg
  params: {
    name: '${abbrs.staticWebApp}pane-${resourceToken}'
    location: paneLocation
    tags: tags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: '${abbrs.functionApp}api-${resourceToken}'
    planName: '${abbrs.flexConsumptionPlan}${resourceToken}'
    location: location
    tags: tags
    nodeVersion: nodeVersion
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    entraTenantId: tenantId
    // Access tokens are v2 (the API checks the v2 issuer), and a v2 token's `aud` is the client ID itself.
    entraAudience: entraClientId
    corsOrigins: union([pane.outputs.origin], extraOrigins)
  }
  // The host starts with the identity's storage roles already in place.
  dependsOn: [
    storageAccess
  ]
}

output API_URL string = api.outputs.url
output PANE_URL string = pane.outputs.origin
output ENTRA_TENANT_ID string = tenantId
output ENTRA_CLIENT_ID string = entraClientId
output ENTRA_API_SCOPE string = apiScope
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STATIC_WEB_APP_NAME string = pane.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
