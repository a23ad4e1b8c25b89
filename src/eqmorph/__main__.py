import sys

from eqmorph.cli import main

sys.exit(main())
