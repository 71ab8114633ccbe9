"""A tiny OpenID Connect provider on localhost, for the live sign-in test (tests/test_oidc_live.py).

It serves what Streamlit's st.login (through Authlib) asks of a provider: the discovery document, the JWKS,
an authorization endpoint that signs the configured person in at once (no login form) and redirects back
with a code, and a token endpoint that answers the code with an RS256-signed ID token carrying the nonce.
Nothing leaves the machine. Needs Authlib (and cryptography) to sign; the test skips without them."""

from __future__ import annotations

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

CLIENT_ID, CLIENT_SECRET = "medcore-test", "not-a-real-secret"


class Provider:
    def __init__(self, claims: dict):
        from authlib.jose import JsonWebKey

        self.claims = dict(claims)  # the person who "signs in": email, email_verified, groups ...
        self.key = JsonWebKey.generate_key("RSA", 2048, is_private=True)
        self.key_id = "k1"
        self._codes: dict[str, str] = {}  # code -> nonce
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.token_requests = 0

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def __enter__(self) -> "Provider":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _metadata(self) -> dict:
        return {"issuer": self.issuer, "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token", "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"], "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"]}

    def _id_token(self, nonce: str) -> str:
        from authlib.jose import jwt

        now = int(time.time())
        payload = {"iss": self.issuer, "aud": CLIENT_ID, "iat": now, "exp": now + 600, "nonce": nonce,
                   "sub": "person-1", **self.claims}
        return jwt.encode({"alg": "RS256", "kid": self.key_id}, payload, self.key).decode()

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _json(self, body: dict, status: int = 200) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlparse(self.path)
                if url.path == "/.well-known/openid-configuration":
                    return self._json(provider._metadata())
                if url.path == "/jwks":
                    jwk = provider.key.as_dict(is_private=False)
                    return self._json({"keys": [{**jwk, "kid": provider.key_id, "use": "sig", "alg": "RS256"}]})
                if url.path == "/authorize":
                    q = {k: v[0] for k, v in parse_qs(url.query).items()}
                    if q.get("client_id") != CLIENT_ID:
                        return self._json({"error": "unauthorized_client"}, 400)
                    code = secrets.token_urlsafe(12)
                    provider._codes[code] = q.get("nonce", "")
                    self.send_response(302)
                    self.send_header("Location", f"{q['redirect_uri']}?{urlencode({'code': code, 'state': q['state']})}")
                    self.end_headers()
                    return None
                return self._json({"error": "not_found"}, 404)

            def do_POST(self):
                if urlparse(self.path).path != "/token":
                    return self._json({"error": "not_found"}, 404)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                form = {k: v[0] for k, v in parse_qs(body).items()}
                provider.token_requests += 1
                nonce = provider._codes.pop(form.get("code", ""), None)
                if nonce is None:
                    return self._json({"error": "invalid_grant"}, 400)
                return self._json({"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                                   "expires_in": 600, "id_token": provider._id_token(nonce)})

        return Handler
