// Static hosting for the task pane and the custom-functions files (taskpane.html, the
// bundle, functions.json, icons, help page), and the clerks' web page beside it (send/: any
// office sends from a browser, whatever spreadsheet program it has).
//
// Why Azure Static Web Apps and not a Storage static website:
//  - HTTPS with a managed certificate out of the box, also for a custom domain; a Storage
//    static website needs Azure Front Door or a CDN in front for a custom domain over HTTPS.
//  - azd deploys it natively (host: staticwebapp). A Storage static website is switched on
//    through the data plane, which Bicep cannot do without a deployment script, and that
//    script needs account-key access, which the storage account turns off.
//  - Response headers come from staticwebapp.config.json (infra/pane/): CORS for
//    functions.json, which Excel fetches from another origin, and revalidation so users
//    get a new release without waiting for caches.
//  - The storage account that holds the returns never serves public content.
//  - The Free plan costs nothing; Standard adds an SLA.
param name string

@description('A region Static Web Apps supports; the content is served from a worldwide edge.')
param location string
param tags object = {}

@allowed([
  'Free'
  'Standard'
])
param sku string = 'Free'

resource pane 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'pane' })
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    // Files are pushed by azd (SWA CLI), not built by Azure from a repository.
    provider: 'Custom'
    allowConfigFileUpdates: true
    // One production site; no preview environments.
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = pane.name
output origin string = 'https://${pane.properties.defaultHostname}'
