import { PutDashboardCommand } from '@aws-sdk/client-cloudwatch';
import type { SandboxClients } from '../awsClients';
import { DASHBOARDS } from '../scenario/dashboards';

export async function seedDashboards(clients: SandboxClients): Promise<string[]> {
  for (const d of DASHBOARDS) {
    const out = await clients.cloudWatch(d.region).send(new PutDashboardCommand({ DashboardName: d.name, DashboardBody: JSON.stringify(d.body) }));
    if (out.DashboardValidationMessages?.length) {
      throw new Error(`dashboard ${d.name}: ${out.DashboardValidationMessages.map((m) => m.Message).join('; ')}`);
    }
  }
  return DASHBOARDS.map((d) => d.name);
}
