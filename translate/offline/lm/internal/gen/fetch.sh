#!/bin/sh
# fetch.sh downloads and unpacks the inputs of the language-model generator into
# $LM_SRC with apt, at the exact versions the committed lm.dat.gz was built from.
# Then run: LM_SRC=... go generate ./translate/offline/lm
set -eu
: "${LM_SRC:?set LM_SRC to a scratch folder outside the repository}"
mkdir -p "$LM_SRC"
cd "$LM_SRC"
apt-get download pocketsphinx-en-us=0.8+5prealpha+1-15 wordnet-base=1:3.0-37
dpkg-deb -x pocketsphinx-en-us_0.8+5prealpha+1-15_all.deb pocketsphinx-en-us
dpkg-deb -x wordnet-base_1%3a3.0-37_all.deb wordnet-base
sha256sum pocketsphinx-en-us/usr/share/pocketsphinx/model/en-us/en-us.lm.bin \
	wordnet-base/usr/share/wordnet/verb.exc wordnet-base/usr/share/wordnet/noun.exc
