// Who is signed in. The session itself is the server's cookie; this module only remembers the
// answer of GET /api/v1/auth/me so pages and the header can show the person's name and role.

import { ApiError, getMe, logout, type Me } from './api';

let me: Me | null = null;

/** The signed-in person, asking the server once; null when there is no session. */
export async function currentUser(): Promise<Me | null> {
  if (me) return me;
  try {
    me = await getMe();
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Trainers and admins: they review uploads and may edit anything in the library. */
export function isTrainer(person: Me | null | undefined): boolean {
  return person?.role === 'trainer' || person?.role === 'admin';
}

/** Whether `person` may change an item owned by `ownerId`: trainers, admins, and its owner. */
export function mayEdit(person: Me | null | undefined, ownerId: string | null | undefined): boolean {
  return isTrainer(person) || (!!person && !!ownerId && person.id === ownerId);
}

/** Forget the cached person (after a 401, or before signing in as someone else). */
export function forgetUser(): void {
  me = null;
}

export async function signOut(): Promise<void> {
  try {
    await logout();
  } finally {
    me = null;
  }
}
