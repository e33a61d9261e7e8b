import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <main className="centered-page">
      <title>Page not found · Questline</title>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/" className="button button-primary">
        Go to the home page
      </Link>
    </main>
  );
}
