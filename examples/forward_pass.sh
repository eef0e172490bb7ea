#!/bin/sh
# A two-layer neural network's forward pass as a pipeline: each `mlm-mat
# linear` is one layer, y = f(W x + b), with W stored out x in as PyTorch's
# nn.Linear does. The hidden layer fires on long petals, wide petals and short
# sepals (ReLU); the output layer turns those into one probability per species
# (softmax). Two flowers of each species go in.
set -e
cd "$(dirname "$0")"
flowers() { sed -n '1p;2,3p;52,53p;102,103p' data/iris.csv; }
echo "# hidden layer: relu(W1 x + b1) for two flowers of each species"
flowers | mlm-mat linear -c 1-4 -w data/net_w1.csv -b data/net_b1.csv --activation relu --precision 6
echo "# output layer: softmax(W2 h + b2), one probability per species"
flowers | mlm-mat linear -c 1-4 -w data/net_w1.csv -b data/net_b1.csv --activation relu |
    mlm-mat linear -w data/net_w2.csv -b data/net_b2.csv --activation softmax --precision 6
