import { UserProfile } from '../../game/server/user-profile.entity.ts';
import { Session } from '../../identity/server/session.entity.ts';
import { User } from '../../identity/server/user.entity.ts';

// The explicit list MikroORM discovers: no folder scanning, so bundles and tests see the same model.
export const ENTITIES = [User, Session, UserProfile];
