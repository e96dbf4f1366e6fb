#!/usr/bin/env bash
# Unpack a current LibreOffice (25.2 from Debian bookworm-backports) into /opt/lo25 WITHOUT
# replacing the system's 7.4, and write /opt/lo25/run.sh, which runs a command with 25.2
# bind-mounted over /usr/lib/libreoffice in a private mount namespace (needs root).
# make_samples.py uses it when present. Tested on Debian 12 (bookworm), 2026-11-22.
set -euo pipefail
cat > /etc/apt/sources.list.d/bookworm-backports.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
apt-get update -qq
mkdir -p /opt/lo25-debs/partial /opt/lo25
apt-get install -y -qq --download-only -t bookworm-backports \
  -o Dir::Cache::archives=/opt/lo25-debs libreoffice-writer-nogui python3-uno
for deb in /opt/lo25-debs/*.deb; do dpkg -x "$deb" /opt/lo25; done
# the packages' postinst would put main.xcd into /etc; point the links into /opt/lo25 instead
cp /opt/lo25/usr/lib/libreoffice/share/.registry/main.xcd /opt/lo25/etc/libreoffice/registry/main.xcd
cd /opt/lo25
for link in $(find . -type l -lname '/*'); do
  target=$(readlink "$link")
  if [ -e "/opt/lo25$target" ]; then ln -sfn "/opt/lo25$target" "$link"; fi
done
ln -sfn /etc/libreoffice/registry/main.xcd /opt/lo25/usr/lib/libreoffice/share/registry/main.xcd
cat > /opt/lo25/run.sh <<'RUN'
#!/bin/bash
# Run a command with LibreOffice 25.2 (extracted from bookworm-backports .debs into /opt/lo25)
# bind-mounted over the system's 7.4 in a private mount namespace (other processes keep 7.4).
exec unshare -m bash -c '
mount --bind /opt/lo25/usr/lib/libreoffice /usr/lib/libreoffice &&
mount --bind /opt/lo25/etc/libreoffice /etc/libreoffice &&
for f in /opt/lo25/usr/lib/x86_64-linux-gnu/*.so*; do b=/usr/lib/x86_64-linux-gnu/$(basename $f); [ -e $b ] && mount --bind $(readlink -f $f) $b; done;
mount --bind /opt/lo25/usr/lib/python3/dist-packages/uno.py /usr/lib/python3/dist-packages/uno.py;
mount --bind /opt/lo25/usr/lib/python3/dist-packages/unohelper.py /usr/lib/python3/dist-packages/unohelper.py;
export LD_LIBRARY_PATH=/usr/lib/libreoffice/program:/opt/lo25/usr/lib/x86_64-linux-gnu; exec "$@"' bash "$@"
RUN
chmod +x /opt/lo25/run.sh
/opt/lo25/run.sh soffice --version
