/**
 * Sends traces to Application Insights through OpenTelemetry when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is configured; otherwise does nothing (and loads nothing).
 */
export function startTelemetry(connectionString: string | undefined): void {
  if (!connectionString) return;
  // Loaded only when configured: the distro pulls in the whole OpenTelemetry SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous, before the first request
  const { useAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString }, enableLiveMetrics: false });
}
