# The peer of the PCA benchmarks: pandas reads the CSV, scikit-learn fits
# PCA(n_components=K). Usage: pca_peer.py FILE K
import sys

import pandas
from sklearn.decomposition import PCA

X = pandas.read_csv(sys.argv[1]).to_numpy()
print(PCA(n_components=int(sys.argv[2])).fit(X).explained_variance_)
