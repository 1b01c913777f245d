#!/usr/bin/env bash
# The main job: build the toolkit, generate the Integration Platform SDK as a Maven project, compile it, say where it is.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/platform-sdk}

./mvnw -B -q -ntp install -DskipTests
rm -rf "$out"
java -jar cli/target/specwright-cli.jar generate \
  --spec specs/platform/openapi.yaml \
  --errors specs/platform/errors.json \
  --package com.example.platform \
  --layout project \
  --out "$out"
./mvnw -B -q -ntp -f "$out/pom.xml" package
echo "Platform SDK: $(cd "$out" && pwd)  (sources in src/main/java, jar in target/)"
