import type { UserListItem } from '@questline/domain/identity/universal/user-directory';

const joinedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface UsersTableProps {
  readonly users: readonly UserListItem[];
  readonly busy: boolean;
  readonly emptyMessage: string;
}

export function UsersTable({ users, busy, emptyMessage }: UsersTableProps) {
  return (
    // Focusable so keyboard users can scroll the table sideways on a narrow screen.
    <div className="table-scroll" role="region" aria-label="User list" tabIndex={0}>
      <table className="users-table" aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col" className="numeric">
              Level
            </th>
            <th scope="col" className="numeric">
              XP
            </th>
            <th scope="col">Joined</th>
          </tr>
        </thead>
        <tbody>
          {users.length === 0 ? (
            <tr>
              <td colSpan={6} className="empty">
                {emptyMessage}
              </td>
            </tr>
          ) : (
            users.map((user) => (
              <tr key={user.id}>
                <td className="username-cell">{user.username}</td>
                <td className="email-cell">{user.email}</td>
                <td>
                  <span className={`role role-${user.role}`}>{user.role}</span>
                </td>
                <td className="numeric">{user.level}</td>
                <td className="numeric">{user.xp}</td>
                <td>
                  <time dateTime={user.createdAt.toISOString()}>{joinedFormat.format(user.createdAt)}</time>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
