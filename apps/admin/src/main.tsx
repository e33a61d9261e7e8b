import '@questline/ui/styles.css';
import './styles.css';
import { renderApp } from '@questline/ui/app/render-app';
import { App } from './App.tsx';

// Admin data must not outlive the account that fetched it.
renderApp(<App />, { accountQueries: (trpc) => [trpc.admin.pathFilter()] });
