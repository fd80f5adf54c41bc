"""``python -m fieldcrm`` behaves exactly like the ``fieldcrm`` console script."""

from fieldcrm.cli import main

raise SystemExit(main())
