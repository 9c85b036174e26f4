# Shared by ops/backup and ops/restore: encryption of a backup's parts with PORTAL_BACKUP_KEY.
#
# openssl enc, AES-256-CBC with a key derived by PBKDF2 (a fresh salt per file, 200 000
# iterations): openssl is on every Debian machine, age is not. The key is passed through the
# environment (-pass env:), never on a command line where ps would show it. CBC does not
# authenticate: the manifest's SHA-256 of each encrypted part catches damage; a wrong key fails
# the decryption (or, rarely, pg_restore's and tar's reading of what it made).

BACKUP_CIPHER_NAME=openssl-aes-256-cbc-pbkdf2-200000
BACKUP_CIPHER=(-aes-256-cbc -pbkdf2 -iter 200000 -md sha256)

backup_key_given() { [ -n "${PORTAL_BACKUP_KEY:-}" ]; }

# Replaces $1 by $1.enc.
encrypt_part() {
  command -v openssl >/dev/null || die "PORTAL_BACKUP_KEY is set but openssl is not installed"
  openssl enc -e "${BACKUP_CIPHER[@]}" -salt -pass env:PORTAL_BACKUP_KEY -in "$1" -out "$1.enc" ||
    die "could not encrypt $1"
  rm -f "$1"
}

# decrypt_part IN OUT
decrypt_part() {
  command -v openssl >/dev/null || die "this backup is encrypted and openssl is not installed"
  openssl enc -d "${BACKUP_CIPHER[@]}" -pass env:PORTAL_BACKUP_KEY -in "$1" -out "$2" 2>/dev/null ||
    die "REFUSED: cannot decrypt $1 with PORTAL_BACKUP_KEY: is it the key this backup was made with? Nothing was changed."
}
