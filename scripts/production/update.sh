#!/bin/sh
# Updates the school's install to a new version (README: "Cài đặt cho vận hành thật", Cập nhật).
#
#   sudo /opt/giathuong/scripts/production/update.sh [git-ref]     (default: origin/main)
#
# 1. a backup first, while the CMS still runs (scripts/backup.mjs: the database by SQLite's online
#    backup, media, archive, secret); no backup, no update;
# 2. the CMS is stopped (the build needs the memory, and a running CMS must not see its .next
#    folder rewritten); nginx goes on serving the website from /var/lib/giathuong/site;
# 3. the new version is checked out, installed (npm ci) and built (next build);
# 4. the CMS starts again: the new version's migrations run by themselves at start
#    (prodMigrations); the script waits until it answers.
# If any step fails it stops there and prints how to go back (the previous commit and the backup).
set -eu

APP_DIR=${APP_DIR:-/opt/giathuong}
SERVICE=${SERVICE:-giathuong}
SERVICE_USER=${SERVICE_USER:-giathuong}
ENV_FILE=${ENV_FILE:-/etc/giathuong/giathuong.env}
REF=${1:-origin/main}

cd "$APP_DIR"
# The settings the service runs with (the env file is written KEY=value, values with spaces in
# double quotes, which both systemd and sh read).
set -a
. "$ENV_FILE"
set +a
DATA_DIR=${SCHOOL_DATA_DIR:-/var/lib/giathuong}
PREVIOUS=$(git rev-parse HEAD)

CHANGED=no
rollback_help() {
  if [ "$CHANGED" = no ]; then
    echo
    echo "CẬP NHẬT DỪNG LẠI trước khi thay đổi gì: CMS vẫn chạy phiên bản $PREVIOUS."
    return
  fi
  echo
  echo "CẬP NHẬT DỪNG LẠI. Để quay về phiên bản trước ($PREVIOUS):"
  echo "  systemctl stop $SERVICE"
  echo "  cd $APP_DIR && git checkout --detach $PREVIOUS && npm ci && npm run build -w cms"
  echo "  (nếu CSDL đã được migrate: khôi phục bản sao lưu vừa tạo, xem README, mục Khôi phục)"
  echo "  systemctl start $SERVICE"
}
trap 'rollback_help' EXIT

echo "▸ 1/4 Sao lưu trước khi cập nhật (CMS vẫn chạy)…"
if [ ! -f scripts/backup.mjs ]; then
  echo "Không có scripts/backup.mjs: không cập nhật khi chưa sao lưu được." >&2
  exit 1
fi
# umask 027 for the backup only (it holds the database and the secret), set in the backup's own
# shell; the code installed below stays readable by the service.
runuser -u "$SERVICE_USER" -- env SCHOOL_ENV=production NODE_ENV=production \
  /bin/sh -c 'umask 027 && exec /usr/bin/node scripts/backup.mjs'
CHANGED=yes

echo "▸ 2/4 Dừng CMS (website vẫn được nginx phục vụ)…"
systemctl stop "$SERVICE"

echo "▸ 3/4 Lấy phiên bản mới ($REF), cài đặt và build…"
git fetch --tags origin
git checkout --detach "$REF"
npm ci --no-audit --no-fund
npm run build -w cms
# Astro remakes site/.astro and its caches at each build: the service owns those folders and
# site/ itself (ReadWritePaths in the unit); the website's build folder is readable by nginx
# (group www-data by the setgid bit).
install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 755 site site/.astro site/node_modules/.astro \
  site/node_modules/.vite cms/.next/cache
install -d -o "$SERVICE_USER" -g www-data -m 2750 "$DATA_DIR/site-builds"

echo "▸ 4/4 Khởi động CMS (migration chạy tự động)…"
systemctl start "$SERVICE"
PORT=${CMS_PORT:-3000}
i=0
until /usr/bin/node -e "fetch('http://127.0.0.1:$PORT/api/globals/school-profile')
  .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; do
  i=$((i + 1))
  if [ "$i" -ge 90 ]; then
    echo "CMS không trả lời sau 3 phút: xem journalctl -u $SERVICE" >&2
    exit 1
  fi
  sleep 2
done
trap - EXIT
echo "Đã cập nhật: $PREVIOUS → $(git rev-parse HEAD). CMS đang chạy."
