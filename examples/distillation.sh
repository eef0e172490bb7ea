#!/usr/bin/env bash
# Knowledge distillation: a teacher's and a student's class probabilities for
# the same 8 images (one row each). Per image, KL(teacher || student) in nats
# is the distillation loss: PyTorch's kl_div(student_log_probs, teacher_probs)
# computes the same number, its arguments in the opposite order.
set -euo pipefail
cd "$(dirname "$0")"

echo "# per image, KL(teacher || student) in nats"
mlm-kl --rows --nats --precision 4 data/teacher.csv data/student.csv

echo "# the mean over the batch (reduction='batchmean')"
mlm-kl --rows --mean --nats --precision 4 data/teacher.csv data/student.csv

echo "# KL is not symmetric: both directions, and JS, which is"
mlm-kl --rows --metric both --nats --precision 4 data/teacher.csv data/student.csv | head -4
mlm-kl --rows --mean --metric js --nats --precision 4 data/teacher.csv data/student.csv
