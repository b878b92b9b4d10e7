/**
 * The long fault and load cases run smaller in `npm test`, which has to stay under 10 minutes on two cores, and at
 * the sizes their issues name in `npm run test:e2e:full` (E2E_SIZE=full). The smaller size still meets every
 * mechanism the case is about (each window, each stop, the pause), only for less time.
 */
export const FULL_SIZE = process.env['E2E_SIZE'] === 'full';

export function sized<T>(full: T, quick: T): T {
  return FULL_SIZE ? full : quick;
}
