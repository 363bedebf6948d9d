#!/usr/bin/env bash
# Regenerate the TLS test certificates: a CA, a server certificate for localhost/127.0.0.1,
# and a client certificate, all signed by the CA and valid for 100 years. Test use only.
set -euo pipefail
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days "$days" \
  -subj "/CN=qawl test CA" 2>/dev/null
for name in server client; do
  openssl req -newkey rsa:2048 -nodes -keyout "$name.key" -out "$name.csr" \
    -subj "/CN=qawl test $name" 2>/dev/null
  if [ "$name" = server ]; then
    ext="subjectAltName=DNS:localhost,IP:127.0.0.1"
  else
    ext="extendedKeyUsage=clientAuth"
  fi
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$name.pem" \
    -days "$days" -extfile <(echo "$ext") 2>/dev/null
  rm "$name.csr"
done
rm -f ca.srl ca.key
