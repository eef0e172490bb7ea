#!/bin/sh
# Nearest neighbours over a small embedding table: each word is a row of
# nine numbers (how royal, male, female, adult, fruit-like, city-like,
# capital, French, Italian it is), and similar words point in similar
# directions. The search is exact and by cosine similarity, as in word2vec's
# most_similar; the same commands run unchanged on a 1,000,000-word table.
set -e
cd "$(dirname "$0")"
echo "# the three words nearest king (king itself left out)"
mlm-vec nearest --query king -k 3 --precision 6 data/words.csv
echo "# king - man + woman"
mlm-vec analogy king man woman -k 2 --precision 6 data/words.csv
echo "# paris is to france as ? is to italy"
mlm-vec analogy paris france italy -k 2 --precision 6 data/words.csv
echo "# which words are most like a sour Italian fruit"
mlm-vec nearest --query 0,0,0,0,0.9,0,0,0,0.5 -k 2 --precision 6 data/words.csv
echo "# the royal family's cosines to queen"
mlm-vec cosine --with-row queen --precision 6 data/words.csv | head -5
