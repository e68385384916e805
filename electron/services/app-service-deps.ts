// Binds the facade's ports to the real modules (system factory + scan service, analyzer, diagnosis, repairs,
// reports). The only file of the facade that knows where those live; a part not built yet answers 'unavailable'.
import type { AppServiceDeps } from './app-service-ports.ts';
import { ServiceError } from './service-error.ts';

function unavailable(what: string): never {
  throw new ServiceError('unavailable', `${what} is not available in this build yet.`);
}

export const defaultDeps: AppServiceDeps = {
  async openMachine() {
    return unavailable('The machine scan');
  },
  async listScenarios() {
    return unavailable('The scenario list');
  },
  parseSymptom() {
    return unavailable('The symptom parser');
  },
  async analyzeLogFile() {
    return unavailable('The log analyzer');
  },
  reports: {
    async previewRedaction() {
      return unavailable('The report export');
    },
    async export() {
      return unavailable('The report export');
    },
  },
};
