#!/bin/sh
# Iris in two dimensions, ready to plot: the four measurements standardized
# (so centimetres of petal do not outweigh centimetres of sepal by their spread
# alone), projected on the first two principal components, species beside each
# point. Plot it with, e.g.:
#   gnuplot -p -e "set datafile separator ','; plot 'iris2d.csv' using 2:3"
set -e
cd "$(dirname "$0")"
echo "# how much of the variance the two components keep"
mlm-pca -k 2 --standardize --keep species --emit summary --precision 6 data/iris.csv | head -3
echo "# the points"
mlm-pca -k 2 --standardize --keep species --precision 6 data/iris.csv
