#!/bin/sh
# Six people rate five films. The SVD finds the tastes behind the ratings: two
# singular values carry almost everything (an action taste and a romance
# taste), so the best rank-2 approximation is nearly the table itself: the
# starting point of collaborative filtering. The eigenvalues of R^T R (a
# symmetric matrix, so the symmetric solver) are the squares of the singular values.
set -e
cd "$(dirname "$0")"
echo "# singular values: two tastes carry almost everything"
mlm-eig svd --precision 6 data/ratings.csv
echo "# the best rank-2 approximation of the ratings"
mlm-eig svd --rank-k 2 --precision 6 data/ratings.csv
echo "# eigenvalues of R^T R are the squared singular values"
mlm-mat transpose data/ratings.csv | mlm-mat mul - data/ratings.csv | mlm-eig --precision 6
