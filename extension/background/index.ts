// Wiring only: every listener is registered synchronously at top level so an event that wakes the worker is
// delivered; handlers wait for `ready` (the portal list loaded from storage) before they run.
import type { CommandHandlers } from '../../src/protocol.ts';
import { onWake } from '../platform/alarms.ts';
import { registerCommandHandlers, registerEventPorts, type CommandContext } from '../platform/messaging-background.ts';
import { onHostPermissionsChanged } from '../platform/permissions.ts';
import { activityHandlers } from './handlers/activity-handlers.ts';
import { browseHandlers } from './handlers/browse-handlers.ts';
import { jobHandlers } from './handlers/job-handlers.ts';
import { portalHandlers } from './handlers/portal-handlers.ts';
import { JobManager } from './jobs.ts';
import { BackgroundServices } from './services.ts';

const services = new BackgroundServices();
const jobs = new JobManager(services, services.store);
services.onSignedIn = () => void jobs.resumeAll();

const handlers: CommandHandlers<CommandContext> = {
  ...portalHandlers(services),
  ...browseHandlers(services),
  ...activityHandlers(services),
  ...jobHandlers(jobs),
};

registerCommandHandlers(handlers, services.ready);
registerEventPorts();
onHostPermissionsChanged(() => void services.broadcastState());
onWake(() => void services.ready.then(() => jobs.resumeAll()));
// A worker that starts (after Chrome stopped the last one) picks up the jobs it left.
void services.ready.then(() => jobs.resumeAll());
