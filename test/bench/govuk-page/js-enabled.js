// GOV.UK Frontend's template snippet (template.njk), moved out of line so the page runs under script-src 'self'.
/* global document, HTMLScriptElement */
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
