"""A local RFC 3161 timestamp authority for the tests (no network beyond 127.0.0.1).

An HTTP server on a random port of 127.0.0.1, in a thread, answering time-stamp requests
(``application/timestamp-query``) with pyHanko's ``DummyTimeStamper`` and a TSA certificate
issued by the portal's demo CA, so the tokens chain to a root the portal trusts.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization


class LocalTSA:
    """``url`` answers RFC 3161 requests; ``requests`` counts them; ``down()`` stops answering."""

    def __init__(self, *, ca_key, ca_cert):
        from pyhanko.sign.timestamps import DummyTimeStamper

        from documents.pki import build_tsa_certificate, new_key

        key = new_key()
        cert = build_tsa_certificate(key, "CoopPlan test TSA", ca_key=ca_key, ca_cert=ca_cert)
        self.tsa_cert = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
        ca = asn1_x509.Certificate.load(ca_cert.public_bytes(serialization.Encoding.DER))
        key_der = key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        self.stamper = DummyTimeStamper(
            tsa_cert=self.tsa_cert, tsa_key=asn1_keys.PrivateKeyInfo.load(key_der), certs_to_embed=[ca]
        )
        self.requests = 0
        tsa = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.headers.get("Content-Type") != "application/timestamp-query":
                    self.send_error(415)
                    return
                tsa.requests += 1
                reply = tsa.stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):  # keep the test output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/tsa"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def down(self) -> None:
        """Stop and close the server: the port refuses connections from now on."""
        if self.thread.is_alive():
            self.server.shutdown()
            self.server.server_close()
            self.thread.join(5)
