#!/usr/bin/env bash
# Backpropagation by hand, the classic interview walkthrough: a one-neuron
# network y_hat = w2*tanh(w1*x) with a squared loss, on one example (x=1, y=0.2).
# mlm-grad shows the forward pass, the loss, the chain rule edge by edge and
# the weights after one step; a gradient check confirms the exact gradient; and
# mlm-gd trains the two weights until the loss is gone.
set -uo pipefail

loss='(w2*tanh(w1*x) - y)^2'

echo "# one forward and backward pass, and one step with learning rate 0.1"
mlm-grad "$loss" --at w1=0.5,w2=-1,x=1,y=0.2 --wrt w1,w2 --explain --lr 0.1

echo
echo "# the same gradient by finite differences agrees to better than 1e-8"
if mlm-grad "$loss" --at w1=0.5,w2=-1,x=1,y=0.2 --check --fail-above 1e-8 > /dev/null; then
  echo "gradient check passed"
fi

echo
echo "# training: gradient descent on the two weights (x and y fixed at 1 and 0.2)"
mlm-gd minimize "$loss" --start w1=0.5,w2=-1 --at x=1,y=0.2 --lr 0.1 --tol 1e-8 --precision 6
