-- The platform's catalog for assisted buying: categories and products, each variant (size, weight,
-- colour) a product of its own sharing its item's group_id; stock on hand (including what is
-- reserved) and reserved, so stock - reserved can still be ordered; picture names a Twemoji SVG
-- shipped in the jar (catalog/twemoji/<picture>.svg), rendered to PNG for the stations.
CREATE TABLE central_category (
    code     VARCHAR(20) PRIMARY KEY,
    name     VARCHAR(20) NOT NULL,
    picture  VARCHAR(40) NOT NULL,
    position INT         NOT NULL
);

CREATE TABLE central_product (
    product_id  VARCHAR(20)  PRIMARY KEY,
    group_id    VARCHAR(20)  NOT NULL,
    category    VARCHAR(20)  NOT NULL REFERENCES central_category (code),
    name        VARCHAR(40)  NOT NULL,
    variant     VARCHAR(20),
    description VARCHAR(200) NOT NULL,
    price_fen   BIGINT       NOT NULL CHECK (price_fen > 0),
    stock       BIGINT       NOT NULL CHECK (stock >= 0),
    reserved    BIGINT       NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= stock),
    picture     VARCHAR(40)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX central_product_category ON central_product (category, product_id);
CREATE INDEX central_product_group ON central_product (group_id);
