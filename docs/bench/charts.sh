#!/usr/bin/env bash
# docs/charts.md: measures the hand-drawn trend PNG against XChart 3.8.8 drawing the same trend.
# Needs the classes built (./mvnw -q compile) and XChart with its two vector-graphics jars in
# ~/.m2 (once: ./mvnw dependency:get -Dartifact=org.knowm.xchart:xchart:3.8.8). Images go to
# the folder given (default /tmp/chart-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
m2="${HOME}/.m2/repository"
cp="target/classes:${m2}/org/knowm/xchart/xchart/3.8.8/xchart-3.8.8.jar"
cp="${cp}:${m2}/de/erichseifert/vectorgraphics2d/VectorGraphics2D/0.13/VectorGraphics2D-0.13.jar"
cp="${cp}:${m2}/de/rototor/pdfbox/graphics2d/3.0.1/graphics2d-3.0.1.jar"
java -Djava.awt.headless=true -cp "$cp" docs/bench/charts/ChartBench.java "${1:-/tmp/chart-bench}"
