// One storage account for the returns (tables), the Functions host's own state
// (AzureWebJobsStorage: blobs and queues) and the Flex Consumption deployment package.
// Only Microsoft Entra identities get in: no account keys (allowSharedKeyAccess: false),
// no anonymous blobs, HTTPS with TLS 1.2 or later.
@minLength(3)
@maxLength(24)
@description('Storage account name: 3 to 24 lowercase letters and digits, unique in Azure.')
param name string
param location string = resourceGroup().location
param tags object = {}

@description('Blob container for the Function App\'s deployment package.')
param deploymentContainerName string

@description('Redundancy. Standard_LRS keeps three copies in one datacenter; Standard_ZRS spreads them over the region\'s zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param skuName string = 'Standard_LRS'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output name string = storage.name
output id string = storage.id
output deploymentContainerName string = deploymentContainer.name
