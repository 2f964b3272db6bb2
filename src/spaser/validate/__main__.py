import sys

from spaser.validate.cli import main

sys.exit(main())
