// The Function App's identity. User-assigned, so its client ID is known before the app exists
// and can go into the app settings (AZURE_CLIENT_ID, AzureWebJobsStorage__clientId).
param name string
param location string = resourceGroup().location
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
