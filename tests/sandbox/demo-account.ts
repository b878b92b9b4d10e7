// The one demo account. Everything that signs in to the sandbox (tests, `npm start`) imports these.
import { createHash } from 'node:crypto';

export const DEMO_USER_ID = '66faa6e4-f133-11ea-b126-00ffeec8b4ef';
export const DEMO_FIRST_NAME = 'Demo';
export const DEMO_LAST_NAME = 'User';
export const DEMO_DISPLAY_NAME = 'Demo User';
export const DEMO_EMAIL = 'demo@docspace.sandbox';
export const DEMO_PASSWORD = 'demo-password';

/** Seed of the demo API key: the key must be the same on every start so `npm start` can pre-sign-in. */
export const DEMO_API_KEY_SEED = 'docspace-sandbox-demo-key';
/** Same format as a real personal API key: "sk-" + 64 lower-case hex. */
export const DEMO_API_KEY = `sk-${createHash('sha256').update(DEMO_API_KEY_SEED).digest('hex')}`;
export const DEMO_API_KEY_ID = '0b3c8e52-6a1d-4f1e-9d7a-5c2b4e8f9a10';

export interface DemoCredentials {
  userId: string;
  displayName: string;
  email: string;
  password: string;
  apiKey: string;
}

export const DEMO_CREDENTIALS: Readonly<DemoCredentials> = Object.freeze({
  userId: DEMO_USER_ID,
  displayName: DEMO_DISPLAY_NAME,
  email: DEMO_EMAIL,
  password: DEMO_PASSWORD,
  apiKey: DEMO_API_KEY,
});

/** A second user with the two-factor app enabled: the password login answers {tfa:true, confirmUrl}
 *  and `POST /api/2.0/authentication/{code}` with the code below issues the token. */
export const TFA_USER = Object.freeze({
  userId: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  displayName: 'Tfa User',
  email: 'tfa@docspace.sandbox',
  password: 'tfa-password',
  /** The sandbox's authenticator app always shows this code. */
  code: '123456',
});
