/* Thank-you page of the survey: tells the visitor counter (if any) that one answer was sent.
 * Runs after every deferred script, so the counter is listening; without JavaScript nothing is lost
 * but the count. */
document.addEventListener("DOMContentLoaded", function () {
  var body = document.body;
  document.dispatchEvent(
    new CustomEvent("mpp:survey", {
      detail: {
        service: body.getAttribute("data-survey-service") || "",
        booth: body.getAttribute("data-survey-booth") || "",
      },
    })
  );
});
