// The sandbox's alarms of every kind on a fresh moto: what the tests of those alarms start from.
import { sandboxClients } from '../../sandbox/awsClients';
import { resetMoto } from '../../sandbox/moto';
import { seedAlarmKinds, type AlarmKindsSeed } from '../../sandbox/seeders/alarmKinds';

export async function freshAlarmKinds(endpoint: string): Promise<AlarmKindsSeed> {
  await resetMoto(endpoint);
  const clients = sandboxClients(endpoint);
  try {
    return await seedAlarmKinds(clients, new Date());
  } finally {
    clients.destroy();
  }
}
