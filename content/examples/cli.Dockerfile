FROM alpine:3.20
COPY --link --chown=app:app config.yml /etc/app/config.yml
COPY --link tool /usr/local/bin
