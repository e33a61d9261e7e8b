import '@questline/ui/styles.css';
import './styles.css';
import { renderApp } from '@questline/ui/app/render-app';
import { RouterProvider } from 'react-router/dom';
import { router } from './router.tsx';

// Game data belongs to the signed-in learner: it is dropped when the account changes.
renderApp(<RouterProvider router={router} />, { accountQueries: (trpc) => [trpc.game.pathFilter()] });
