// GOV.UK Frontend's documented start-up: import the bundle and initialise every component on the page.
import { initAll } from './govuk-frontend.min.js';

initAll();
