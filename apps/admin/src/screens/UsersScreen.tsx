import { apiErrorMessage } from '@questline/ui/api/errors';
import { useTRPC } from '@questline/ui/api/trpc';
import { FormAlert } from '@questline/ui/components/FormAlert';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AdminHeader } from '../components/AdminHeader.tsx';
import { UsersTable } from '../components/UsersTable.tsx';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

export function UsersScreen({ username }: { readonly username: string }) {
  const trpc = useTRPC();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);

  const users = useInfiniteQuery(
    trpc.admin.users.list.infiniteQueryOptions(
      { search: search || undefined, limit: PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor,
        // Keeps the last results on screen while the next search loads, instead of flashing empty.
        placeholderData: keepPreviousData,
      },
    ),
  );

  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const emptyMessage = search ? `No users match “${search}”.` : 'No users yet.';

  return (
    <>
      <AdminHeader username={username} />
      <main className="admin-main">
        <h1>Users</h1>
        <div className="search field">
          <label htmlFor="user-search">Search users</label>
          <input
            id="user-search"
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            placeholder="Username or email"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
          />
        </div>
        {users.isPending ? (
          <p role="status">Loading users…</p>
        ) : users.isError ? (
          <FormAlert message={apiErrorMessage(users.error)} />
        ) : (
          <>
            <UsersTable users={items} busy={users.isFetching} emptyMessage={emptyMessage} />
            {users.hasNextPage && (
              <button
                type="button"
                className="button button-quiet load-more"
                onClick={() => void users.fetchNextPage()}
                disabled={users.isFetchingNextPage}
              >
                Load more
              </button>
            )}
          </>
        )}
      </main>
    </>
  );
}
