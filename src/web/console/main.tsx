import { App } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { AppProviders } from '../kit/AppProviders.js';
import { catalogue } from '../modules/index.js';
import { router } from './router.js';
import './console.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders catalogue={catalogue}>
      <App>
        <RouterProvider router={router} />
      </App>
    </AppProviders>
  </StrictMode>,
);
