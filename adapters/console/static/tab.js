// The Teams tab: ask Teams for this person's Entra token for the console, and post it.
// Runs only inside Teams, where the TeamsJS library (static/vendor/teams-js.min.js,
// served by this service) is loaded; elsewhere the page says what to do instead.
(function () {
  "use strict";
  var status = document.getElementById("tab-status");
  var failed = document.getElementById("tab-failed");
  function fail() {
    if (status) { status.hidden = true; }
    if (failed) { failed.hidden = false; }
  }
  var teams = window.microsoftTeams;
  if (!teams || !teams.app || !teams.authentication) { fail(); return; }
  teams.app.initialize().then(function () {
    return teams.authentication.getAuthToken();
  }).then(function (token) {
    var form = document.getElementById("tab-form");
    form.elements.token.value = token;
    form.submit();
  }).catch(fail);
})();
