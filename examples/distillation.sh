#!/usr/bin/env bash
# Knowledge distillation: a teacher's and a student's class probabilities for
# the same 8 images (one row each). Per image, KL(teacher || student) in nats
# is the distillation loss: PyTorch's kl_div(student_log_probs, teacher_probs)
# computes the same number, its arguments in the opposite order.
# The probabilities are rounded to 4 digits, so a row sums to 0.9999..1.0001:
# --normalize divides each row by its sum (without it, mlm-kl refuses rows
# that are not within 1e-6 of 1, in case they are not probabilities at all).
set -euo pipefail
cd "$(dirname "$0")"

echo "# per image, KL(teacher || student) in nats"
mlm-kl --rows --normalize --nats --precision 4 data/teacher.csv data/student.csv

echo "# the mean over the batch (reduction='batchmean')"
mlm-kl --rows --normalize --mean --nats --precision 4 data/teacher.csv data/student.csv

echo "# KL is not symmetric: both directions, and JS, which is"
mlm-kl --rows --normalize --metric both --nats --precision 4 data/teacher.csv data/student.csv | head -4
mlm-kl --rows --normalize --mean --metric js --nats --precision 4 data/teacher.csv data/student.csv
