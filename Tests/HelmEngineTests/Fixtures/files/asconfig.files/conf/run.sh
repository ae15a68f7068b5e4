#!/bin/sh
echo "hi" # comment
