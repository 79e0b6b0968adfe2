import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** A random, URL-safe secret: session cookies, API tokens, reset links. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a copy of the database yields nothing usable. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// OWASP's recommended argon2id settings (19 MiB, 2 passes).
const ARGON = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Compared with when the email is unknown, so both paths take the same time. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$Fo0081SY7QnqrPaiwJjfxQ$S3H4XI0r08dH8QBusTidS/Jz4nvzII9Eq2H5C72X1hQ';

/** The rules a new password must meet, as GOV.UK-style messages. Empty when it is fine. */
export function passwordProblems(password: string): string | undefined {
  if (password.length < 12) return 'Password must be 12 characters or more';
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  return undefined;
}
