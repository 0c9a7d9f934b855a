-- The platform's catalog as this station last pulled it (catalog feed, by cursor), so residents can
-- browse while central is away. Pictures are files under <data-dir>/pictures named by their
-- content's SHA-256: one file however many products share it.
CREATE TABLE shopping_category (
    code         VARCHAR(20) PRIMARY KEY,
    name         VARCHAR(20) NOT NULL,
    picture_hash VARCHAR(64) NOT NULL,
    picture      VARCHAR(40) NOT NULL,
    position     INT         NOT NULL
);

CREATE TABLE shopping_product (
    product_id   VARCHAR(20)  PRIMARY KEY,
    group_id     VARCHAR(20)  NOT NULL,
    category     VARCHAR(20)  NOT NULL,
    name         VARCHAR(40)  NOT NULL,
    variant      VARCHAR(20),
    description  VARCHAR(200) NOT NULL,
    price_fen    BIGINT       NOT NULL,
    available    BIGINT       NOT NULL,
    picture      VARCHAR(40)  NOT NULL,
    picture_hash VARCHAR(64)  NOT NULL,
    -- pinyin initials of the name (东北大米 → dbdm), for the counter's search
    initials     VARCHAR(40)  NOT NULL
);
CREATE INDEX shopping_product_category ON shopping_product (category, group_id, product_id);
CREATE INDEX shopping_product_group ON shopping_product (group_id);

CREATE TABLE shopping_offer (
    id             VARCHAR(20) PRIMARY KEY,
    kind           VARCHAR(10) NOT NULL,
    description    VARCHAR(60) NOT NULL,
    category       VARCHAR(20),
    percent_off    INT,
    threshold_fen  BIGINT      NOT NULL,
    amount_off_fen BIGINT,
    valid_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Pictures the catalog names but the station has not fetched yet.
CREATE TABLE shopping_picture_wanted (
    picture_hash VARCHAR(64) PRIMARY KEY,
    picture      VARCHAR(40) NOT NULL
);
