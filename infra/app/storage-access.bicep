// What the Function App's identity may do on the storage account, and nothing more.
param storageAccountName string

@description('Object (principal) ID of the Function App\'s user-assigned identity.')
param principalId string

// Built-in role definition IDs (the same in every tenant).
var roles = {
  // The returns themselves: RETURNS_STORAGE_ACCOUNT_URL (tables; the API creates its tables on first use).
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // AzureWebJobsStorage (host keys, leases) and the Flex Consumption deployment container.
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // AzureWebJobsStorage queues, as the Azure Functions samples grant.
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(roles): {
  name: guid(storage.id, principalId, role.value)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    principalId: principalId
    // Set explicitly so a brand-new identity does not fail the assignment while Entra replicates it.
    principalType: 'ServicePrincipal'
  }
}]
