#!/usr/bin/env bash
# Why does gradient descent sometimes not converge? A learning-rate sweep on
# the bowl f = x^2 + 3y^2 from (3, 2). Its curvatures are 2 and 6, so L = 6:
# small rates crawl, 1/L-ish rates are fastest, and every rate above 2/L = 1/3
# overshoots the valley further each step until the descent diverges.
set -u  # no pipefail: the last run diverges (status 4) on purpose

f='x^2 + 3*y^2'
err=$(mktemp)
trap 'rm -f "$err"' EXIT

echo "lr,outcome,steps"
for lr in 0.01 0.05 0.1 0.15 0.2 0.25 0.3 0.33 0.34 0.4 0.5; do
  if out=$(mlm-gd minimize "$f" --start x=3,y=2 --lr "$lr" 2> "$err"); then
    echo "$lr,converged,$(echo "$out" | awk -F, '$1 == "steps" { print $2 }')"
  else
    echo "$lr,$(sed 's/^mlm-gd: //' "$err")"
  fi
done

echo
echo "# the path at lr 0.34, just past 2/L: y flips sign and grows each step"
mlm-gd minimize "$f" --start x=3,y=2 --lr 0.34 --trace --precision 4 2> /dev/null | head -6
