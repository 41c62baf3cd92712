// Moved out of the template: the Content-Security-Policy allows no inline scripts.
  (function () {
    var form = document.getElementById("upload-form");
    form.addEventListener("submit", function () {
      document.getElementById("upload-spinner").classList.remove("d-none");
      document.getElementById("upload-wait").classList.remove("d-none");
      document.getElementById("upload-submit").setAttribute("disabled", "disabled");
    });
  })();
