import { createBrowserRouter } from 'react-router';
import { HomePage } from './routes/HomePage.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { SignInPage } from './routes/SignInPage.tsx';
import { SignUpPage } from './routes/SignUpPage.tsx';
import { VerifyEmailPage } from './routes/VerifyEmailPage.tsx';

export const router = createBrowserRouter([
  { path: '/', element: <HomePage /> },
  { path: '/signin', element: <SignInPage /> },
  { path: '/signup', element: <SignUpPage /> },
  { path: '/verify-email', element: <VerifyEmailPage /> },
  { path: '*', element: <NotFoundPage /> },
]);
